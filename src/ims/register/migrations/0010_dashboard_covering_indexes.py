
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('register', '0009_monitoring_dashboard_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='goal',
            index=models.Index(condition=models.Q(('expected_result', ''), ('indicator', ''), _negated=True), fields=['initiative'], name='register_goal_concrete'),
        ),
        migrations.AddIndex(
            model_name='initiative',
            index=models.Index(fields=['id', 'classification', 'status'], name='register_initiative_level'),
        ),
        migrations.AddIndex(
            model_name='initiative',
            index=models.Index(fields=['status', 'classification', 'updated_at'], name='register_initiative_gaps'),
        ),
    ]
