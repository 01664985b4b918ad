"""The quarter's cycle without a portal: roll the workbook forward (``next``), send each agency
its return (``returns``), see what is in (``status``), fold the returns back (``collect``) and
compare two workbooks (``diff``). Every step works on files and writes each whole or not at all."""
