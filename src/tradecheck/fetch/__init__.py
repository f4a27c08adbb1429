"""tradecheck.fetch"""
