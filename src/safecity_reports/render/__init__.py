"""The renderers: they only draw the laid-out document."""
