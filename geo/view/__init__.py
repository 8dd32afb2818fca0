"""The view: what a user asks to see, its URL form, the timeline's play windows and the table's rows."""
