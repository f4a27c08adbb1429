"""tradecheck.report"""
