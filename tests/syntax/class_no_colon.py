class C pass
