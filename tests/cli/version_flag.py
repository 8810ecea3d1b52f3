# flags: -V
print("never runs")
