<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an RSS feed opened in a browser as a tidy right-to-left Persian page. Feed readers ignore it. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/">
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="/rss/channel/title"/> — خوراک</title>
        <style>
          :root { color-scheme: light dark; }
          body { margin: 0 auto; padding: 1rem; max-inline-size: 44rem; font-family: 'Vazirmatn Variable', Tahoma, sans-serif; line-height: 1.9; }
          .note { padding: 0.75rem 1rem; border: 1px solid #0b5c55; border-radius: 0.375rem; background: color-mix(in srgb, #0b5c55 8%, transparent); }
          h1 { margin-block: 1rem 0.25rem; }
          ol { padding: 0; list-style: none; }
          li { padding-block: 0.75rem; border-block-end: 1px solid #dedbd3; }
          li a { font-weight: 700; font-size: 1.1rem; }
          .meta { color: GrayText; font-size: 0.9rem; }
          code { direction: ltr; unicode-bidi: isolate; overflow-wrap: anywhere; }
        </style>
      </head>
      <body>
        <p class="note">این یک خوراک خبری (RSS) است. نشانی این صفحه را در خوراک‌خوان خود وارد کنید تا خبرهای تازه را دریافت کنید: <code><xsl:value-of select="/rss/channel/atom:link/@href" xmlns:atom="http://www.w3.org/2005/Atom"/></code></p>
        <h1><xsl:value-of select="/rss/channel/title"/></h1>
        <p class="meta"><xsl:value-of select="/rss/channel/description"/></p>
        <p><a href="{/rss/channel/link}">بازگشت به سایت</a></p>
        <ol>
          <xsl:for-each select="/rss/channel/item">
            <li>
              <a href="{link}"><xsl:value-of select="title"/></a>
              <p><xsl:value-of select="description"/></p>
              <p class="meta"><xsl:value-of select="category"/> · <xsl:value-of select="dc:creator"/></p>
            </li>
          </xsl:for-each>
        </ol>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
