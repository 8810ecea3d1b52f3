print("partial output")
raise ValueError("boom")
