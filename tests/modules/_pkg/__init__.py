print("package init", __name__)
PKG = "pkg"
