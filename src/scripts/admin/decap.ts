/**
 * The little of Decap CMS's browser API that Bayegan's editor uses (docs/editor.md). Decap puts it on
 * `window` when its bundle loads: `CMS`, and React's `h` (createElement) and `createClass` for
 * widgets written without a build of their own.
 */

/** An Immutable.js map, as Decap hands entries and fields to widgets. */
export interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  deleteIn(path: (string | number)[]): ImmutableMap;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): Record<string, unknown>;
}

/** What Decap gives a widget's control. */
export interface ControlProps {
  value: unknown;
  field: ImmutableMap;
  entry: ImmutableMap;
  forID: string;
  classNameWrapper: string;
  onChange: (value: unknown) => void;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  /** Searches a collection's entries (what the relation widget uses). */
  query: (
    forID: string,
    collection: string,
    searchFields: string[],
    term: string,
  ) => Promise<{ payload?: { hits?: { data?: Record<string, unknown> }[] } }>;
}

export interface PreviewProps {
  entry: ImmutableMap;
  widgetFor: (name: string) => unknown;
}

export type Element = unknown;
export type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

/** A component made by `createClass`: its methods see `this.props` and `this.state`. */
export interface ClassSpec<Props, State = Record<string, never>> {
  getInitialState?(this: Component<Props, State>): State;
  componentDidMount?(this: Component<Props, State>): void;
  componentDidUpdate?(this: Component<Props, State>): void;
  /** Decap re-renders a widget only when its own value changes, unless the widget says otherwise. */
  shouldComponentUpdate?(this: Component<Props, State>, next: Props): boolean;
  isValid?(this: Component<Props, State>): true | { error: { message: string } };
  render(this: Component<Props, State>): Element;
}

export interface Component<Props, State> {
  props: Props;
  state: State;
  setState(state: Partial<State>): void;
}

export interface Formatter {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

export interface DecapCms {
  init(options?: { config?: Record<string, unknown> }): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerPreviewStyle(url: string): void;
  registerLocale(locale: string, phrases: Record<string, unknown>): void;
  getLocale(locale: string): Record<string, unknown> | undefined;
  registerCustomFormat(name: string, extension: string, formatter: Formatter): void;
  registerEventListener(listener: { name: 'preSave'; handler: (event: { entry: ImmutableMap }) => ImmutableMap }): void;
}

export interface DecapWindow {
  CMS_MANUAL_INIT?: boolean;
  CMS?: DecapCms;
  h?: CreateElement;
  createClass?: <Props, State = Record<string, never>>(spec: ClassSpec<Props, State>) => unknown;
}
