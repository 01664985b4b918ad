"""The page's style sheet, made from the styles (``style.toml``): the same palette as the PDF and
Word, and its type sizes, on screen in the GOV.UK manner (body text 19 px, the headings in the
same proportion to it as in print) and in print at the sizes the PDF prints.

Everything is in the page itself: the font is the styles' family, then the font with its
metrics that the PDF embeds, then the usual system fonts (no font file is fetched).
"""

from __future__ import annotations

from safecity_reports.render.html.svg import SVG_STYLE
from safecity_reports.styles import Styles
from safecity_reports.styles.contrast import text_on

SCREEN_BODY = "118.75%"
"""Body text on screen, as GOV.UK sets it: 19 px at the browser's usual 16 px (and following the
reader's own setting); every other size keeps its ratio to the body's (in ``rem``)."""
NARROW_BODY = "100%"
"""Body text on a phone (16 px), as GOV.UK sets it there."""
MAX_WIDTH_PX = 960
"""The widest the text column grows, as GOV.UK's page width."""
FOCUS = "#FFDD00"
"""GOV.UK's focus colour: a yellow ground with a black bar under the focused link."""


def fill_class(key: str) -> str:
    """The class that draws a cell or span on the rating ``key``'s colour."""
    return f"fill-{key.replace('_', '-')}"


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def stylesheet(styles: Styles, running_head: str) -> str:
    """The whole style sheet: screen, narrow screens and print."""
    palette, sizes = styles.palette, styles.sizes

    def rem(points: float) -> str:
        return f"{points / sizes.body:.3f}rem"

    family = ", ".join(
        dict.fromkeys([css_string(styles.font_family), '"Liberation Sans"', "Arial"])
    )
    fills = "\n".join(
        f".{fill_class(key)} {{ background: {look.fill}; color: {text_on(look.fill)}; }}"
        for key, look in styles.ratings
    )
    return f"""
:root {{ color-scheme: light; }}
html {{ font-size: {SCREEN_BODY}; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{ margin: 0; background: #FFFFFF; color: {palette.text};
  font-family: {family}, Helvetica, sans-serif; font-size: {rem(sizes.body)}; line-height: 1.4;
  overflow-wrap: break-word; }}
.skip-link {{ position: absolute; left: -9999px; top: auto; padding: 10px 15px;
  color: {palette.text}; background: {FOCUS}; }}
.skip-link:focus {{ position: static; display: block; left: auto; }}
.running-head {{ background: {palette.primary}; color: #FFFFFF; }}
.running-head p {{ margin: 0 auto; max-width: {MAX_WIDTH_PX}px; padding: 12px 15px;
  font-size: {rem(sizes.note)}; }}
main {{ display: block; max-width: {MAX_WIDTH_PX}px; margin: 0 auto; padding: 0 15px 40px; }}
main:focus {{ outline: none; }}
.sheet {{ border-top: 1px solid {palette.rule}; padding-top: 10px; margin-top: 30px; }}
.sheet:first-child {{ border-top: 0; margin-top: 0; }}
h1, h2, h3, h4, h5, h6 {{ color: {palette.primary}; font-weight: 700; line-height: 1.2;
  margin: 1.2em 0 0.5em; }}
h1 {{ font-size: {rem(sizes.heading1)}; }}
h1.title {{ font-size: {rem(sizes.title)}; margin-top: 0.8em; }}
h2 {{ font-size: {rem(sizes.heading2)}; }}
h3, h4, h5, h6 {{ font-size: {rem(sizes.heading3)}; }}
p, li {{ margin: 0 0 0.6em; max-width: 42em; }}
p.title {{ font-size: {rem(sizes.title)}; font-weight: 700; color: {palette.primary}; }}
p.subtitle {{ font-size: {rem(sizes.heading2)}; color: {palette.note}; }}
p.lead {{ font-size: {rem(sizes.body * 1.2)}; }}
p.note, figcaption {{ font-size: {rem(sizes.note)}; color: {palette.note}; }}
ul {{ padding-left: 1.3em; margin: 0 0 0.8em; }}
ul ul {{ margin: 0.3em 0 0; }}
a {{ color: {palette.primary}; text-decoration: underline; text-underline-offset: 0.15em; }}
a:hover {{ text-decoration-thickness: 3px; }}
a:focus-visible {{ outline: 3px solid transparent; color: {palette.text}; background: {FOCUS};
  box-shadow: 0 -2px {FOCUS}, 0 4px {palette.text}; text-decoration: none; }}
.table-scroll:focus-visible, main :focus-visible:not(a) {{ outline: 3px solid {palette.text};
  box-shadow: 0 0 0 6px {FOCUS}; }}
.good {{ color: {palette.good}; font-weight: 700; }}
.bad {{ color: {palette.bad}; font-weight: 700; }}
.neutral {{ color: {palette.neutral}; font-weight: 700; }}
{fills}
[class^="fill-"] a, [class*=" fill-"] a {{ color: inherit; }}
.callout {{ border-left: 5px solid {palette.primary}; background: {palette.stripe_fill};
  padding: 10px 15px; margin: 0 0 1em; max-width: 40em; }}
.callout p {{ margin: 0 0 0.3em; }}
.callout p:last-child {{ margin-bottom: 0; }}
nav.contents ul {{ list-style: none; padding-left: 0; }}
nav.contents ul ul {{ padding-left: 1.5em; }}
nav.contents li {{ margin-bottom: 0.4em; }}
nav.contents > ul > li > a {{ font-weight: 700; }}
nav.contents ul ul a {{ font-weight: 400; }}
figure {{ margin: 0 0 1.2em; }}
svg.chart {{ display: block; width: 100%; height: auto; }}
{SVG_STYLE}
img.logo {{ display: block; max-width: 4cm; max-height: 2cm; margin: 15px 0; }}
.table-scroll {{ overflow-x: auto; max-width: 100%; margin: 0 0 1.2em; }}
table {{ border-collapse: collapse; font-size: {rem(sizes.table)}; font-variant-numeric: tabular-nums; }}
caption {{ text-align: left; font-weight: 700; color: {palette.text}; padding: 0 0 6px;
  font-size: {rem(sizes.body)}; }}
caption span {{ display: block; position: sticky; left: 0; max-width: calc(100vw - 40px); }}
th, td {{ border-bottom: 1px solid {palette.rule}; padding: 6px 8px; vertical-align: top;
  text-align: left; }}
thead th {{ background: {palette.header_fill}; color: {text_on(palette.header_fill)};
  vertical-align: bottom; }}
thead th a {{ color: inherit; }}
tbody tr:nth-child(even) > * {{ background: {palette.stripe_fill}; }}
{_fills_again(styles)}
tr.group-start > * {{ border-top: 2px solid {palette.text}; }}
.right {{ text-align: right; }}
.centre {{ text-align: center; }}
@media (max-width: 640px) {{
  html {{ font-size: {NARROW_BODY}; }}
  main {{ padding: 0 10px 30px; }}
  .running-head p {{ padding: 10px; }}
}}
@page {{ size: A4; margin: 2cm 1.8cm;
  @top-left {{ content: {css_string(running_head)}; font-size: 8pt; color: {palette.note}; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font-size: 8pt;
    color: {palette.note}; }} }}
@page landscape {{ size: A4 landscape; }}
@media print {{
  html {{ font-size: {sizes.body}pt; }}
  body {{ font-size: {sizes.body}pt; line-height: 1.3; }}
  .skip-link, .running-head {{ display: none; }}
  main {{ max-width: none; padding: 0; }}
  .sheet {{ break-before: page; border-top: 0; margin-top: 0; padding-top: 0; }}
  .sheet:first-child {{ break-before: auto; }}
  .sheet.landscape {{ page: landscape; }}
  .page-break {{ break-after: page; }}
  h1 {{ font-size: {sizes.heading1}pt; }}
  h1.title, p.title {{ font-size: {sizes.title}pt; }}
  h2 {{ font-size: {sizes.heading2}pt; }}
  h3, h4, h5, h6 {{ font-size: {sizes.heading3}pt; }}
  h1, h2, h3, h4, h5, h6 {{ break-after: avoid; }}
  p.subtitle {{ font-size: {sizes.heading2}pt; }}
  p.lead {{ font-size: {sizes.body * 1.2:.1f}pt; }}
  p.note, figcaption {{ font-size: {sizes.note}pt; }}
  caption {{ font-size: {sizes.body}pt; }}
  table {{ font-size: {sizes.table}pt; }}
  th, td {{ padding: 3pt 5pt; }}
  .table-scroll {{ overflow: visible; }}
  figure {{ max-width: {styles.chart_size[0]}in; }}
  .keep, figure, tr, .callout {{ break-inside: avoid; }}
  a {{ color: {palette.primary}; }}
  p, li {{ max-width: none; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
""".strip()


def _fills_again(styles: Styles) -> str:
    """The rating fills once more after the stripes, so a filled cell in a striped row keeps
    its colour."""
    return "\n".join(
        f"tbody tr > .{fill_class(key)} {{ background: {look.fill}; }}"
        for key, look in styles.ratings
    )
