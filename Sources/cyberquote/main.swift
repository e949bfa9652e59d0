import PremiumCore
print(Catalog.builtIn.ids)
