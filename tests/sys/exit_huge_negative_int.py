# exit: 255
# A negative exit code past a C long also gives status 255, silently.
print('before')
raise SystemExit(-2**70)
