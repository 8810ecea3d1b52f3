# exit: -2
raise KeyboardInterrupt
