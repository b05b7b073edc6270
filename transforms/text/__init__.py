"""Text helpers every field reader shares: spans, date and time reading, literal guards."""
