"""Draw a laid-out ``Document`` as one self-contained, accessible web page (see ``document``)."""

from safecity_reports.render.html.document import write_html

__all__ = ["write_html"]
