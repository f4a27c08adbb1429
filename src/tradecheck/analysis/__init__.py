"""tradecheck.analysis"""
