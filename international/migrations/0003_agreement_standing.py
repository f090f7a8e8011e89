from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("international", "0002_alter_agreement_document"),
    ]

    operations = [
        # An agreement's own standing (active, expired, in negotiation) makes room
        # for the publishing status every kind of content shares.
        migrations.RenameField(model_name="agreement", old_name="status", new_name="standing"),
    ]
