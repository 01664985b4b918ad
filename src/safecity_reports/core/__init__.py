"""The pure core: the report's model, periods, and the judgements made from them."""
