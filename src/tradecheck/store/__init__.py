"""tradecheck.store"""
