/**
 * Bayegan's widgets in Decap CMS: the next free id, a Jalali date in Tehran time, and the folder a
 * new article goes to. What they compute is in src/lib/cms/editor-values.ts; here they are drawn.
 */
import { editorText } from '#i18n/cms.ts';
import { dateInstant, dateNow, folderForDate, nextArticleId, readableDate, typedDate } from '#lib/cms/editor-values.ts';
import type { ClassSpec, ControlProps, CreateElement } from './decap.ts';

type Make = <Props, State = Record<string, never>>(spec: ClassSpec<Props, State>) => unknown;

/** The id: the next free one when the article is new (searched among all articles), else as it is. */
export function idControl(h: CreateElement, make: Make) {
  return make<ControlProps, { failed: boolean }>({
    getInitialState: () => ({ failed: false }),
    componentDidMount() {
      const { value, field, forID, query, onChange } = this.props;
      if (typeof value === 'number') return;
      query(forID, String(field.get('collection')), ['id'], '')
        .then((answer) => onChange(nextArticleId((answer.payload?.hits ?? []).map((hit) => hit.data?.id))))
        .catch(() => this.setState({ failed: true }));
    },
    isValid() {
      return typeof this.props.value === 'number' ? true : { error: { message: editorText.nextIdLoading } };
    },
    render() {
      const { value, forID, classNameWrapper } = this.props;
      const shown =
        typeof value === 'number'
          ? String(value)
          : this.state.failed
            ? editorText.nextIdFailed
            : editorText.nextIdLoading;
      return h('input', {
        id: forID,
        className: classNameWrapper,
        value: shown,
        readOnly: true,
        dir: 'ltr',
        'data-bayegan': 'id',
      });
    },
  });
}

/** A date: typed as `1405/09/10 14:30` (Persian digits welcome), read back in words below. */
export function dateControl(h: CreateElement, make: Make) {
  return make<ControlProps>({
    componentDidMount() {
      const { value, field, onChange } = this.props;
      if ((value === undefined || value === '') && field.get('default_now')) onChange(dateNow(new Date()));
    },
    isValid() {
      const { value } = this.props;
      if (value === undefined || value === '' || dateInstant(value)) return true;
      return { error: { message: editorText.invalidDate } };
    },
    render() {
      const { value, forID, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
      const text = typeof value === 'string' ? value : '';
      return h(
        'div',
        { className: 'bayegan-date', 'data-bayegan': 'date' },
        h('input', {
          id: forID,
          className: classNameWrapper,
          type: 'text',
          dir: 'ltr',
          value: text,
          placeholder: '1405/09/10 14:30',
          onChange: (event: { target: { value: string } }) => onChange(typedDate(event.target.value)),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        }),
        h('p', { className: 'bayegan-date-reading' }, readableDate(text)),
      );
    },
  });
}

/**
 * The folder of a new article (Decap's `meta.path`), `<year>/<month>` of its date as `npm run new`
 * chooses it, kept in step with the date; an existing article stays where it is.
 */
export function folderControl(h: CreateElement, make: Make) {
  const follow = (props: ControlProps) => {
    if (!props.entry.get('newRecord')) return;
    const folder = folderForDate(props.entry.getIn(['data', 'date']));
    if (folder && folder !== props.value) props.onChange(folder);
  };
  return make<ControlProps>({
    componentDidMount() {
      follow(this.props);
    },
    // The date is another field: Decap would not re-render this one when it changes.
    shouldComponentUpdate(next) {
      return next.entry !== this.props.entry || next.value !== this.props.value;
    },
    componentDidUpdate() {
      follow(this.props);
    },
    render() {
      const { value, forID, classNameWrapper } = this.props;
      return h('input', {
        id: forID,
        className: classNameWrapper,
        value: String(value ?? ''),
        readOnly: true,
        dir: 'ltr',
        'data-bayegan': 'folder',
      });
    },
  });
}
