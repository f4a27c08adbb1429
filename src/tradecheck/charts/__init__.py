"""tradecheck.charts"""
