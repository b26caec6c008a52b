"""Assessment of cooperation against the policy framework, on the register's data.

The arithmetic lives in the pure package :mod:`ims.framework`; this app maps register records onto
its input (selectors), keeps weighting scenarios, partner criteria and ring suggestions as history
(models, services), and shows the reasoning on pages, in a PDF and on the command line.
"""
