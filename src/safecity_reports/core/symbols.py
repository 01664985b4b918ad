"""The symbols a table prints where it has no figure, as GOV.UK statistics do.

One spelling each, everywhere: ``[x]`` not available (the source gives no figure: typed n/a,
or no figure for the period), ``[z]`` not applicable (there is no such thing here: no measure
for an action, no target, no change for a position), ``[c]`` confidential (typed so). A
placeholder typed in a figure cell ('NYA', 'not yet available') prints as typed. The key is
printed once, under the first table that uses a symbol (``layout.symbol_key``).
"""

from __future__ import annotations

NOT_AVAILABLE = "[x]"
"""The source gives no figure (typed n/a, or none for the period)."""
NOT_APPLICABLE = "[z]"
"""There is no such thing here: no measure for the action, no target, no group."""
CONFIDENTIAL = "[c]"
"""The figure is withheld (typed [c] in the workbook)."""

MEANINGS = {
    NOT_AVAILABLE: "not available",
    NOT_APPLICABLE: "not applicable",
    CONFIDENTIAL: "confidential",
}
"""Each symbol and what the key says it means, in the key's order."""
