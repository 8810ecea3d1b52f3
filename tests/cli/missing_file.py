# flags: does_not_exist.py
# exit: 2
print("never runs")
