from django.db import migrations

PRODUCTS = [
    (101339, "Короткий займ до зарплаты", "DAYS"),
    (1013310, "Займ на год (аннуитет)", "MONTHS"),
    (1013311, "Займ на год (с распределённым ОД)", "MONTHS"),
    (1013312, "Остаточный со льготными траншами", "MONTHS"),
]


def load(apps, schema_editor):
    CreditProduct = apps.get_model("clients", "CreditProduct")
    for product_id, name, unit in PRODUCTS:
        CreditProduct.objects.get_or_create(pk=product_id, defaults={"name": name, "period_unit": unit})


class Migration(migrations.Migration):
    dependencies = [("clients", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
