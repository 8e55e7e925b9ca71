print("twinlab")
