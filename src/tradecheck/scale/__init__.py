"""tradecheck.scale"""
