
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0002_calendar_feed'),
        ('register', '0010_dashboard_covering_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='cooperationplan',
            index=models.Index(fields=['id', 'classification'], name='monitoring_plan_level'),
        ),
    ]
