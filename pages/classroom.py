"""Class: a teacher's live view of the answers from a class's link (?class=<id>&token=<token>); without
them, how to start a class from any page's exercises."""
from webapp.classroom import view
from webapp.nav import enter

enter()
view.show()
