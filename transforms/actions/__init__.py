"""Actions raised at a meeting and updates on earlier actions."""
