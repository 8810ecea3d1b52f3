# flags: -c print(__name__)
# -c runs the code; this file is only sys.argv[1]
print("never runs")
