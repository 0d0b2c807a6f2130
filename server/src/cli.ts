/** Entry point of the `dateline` command. */
process.stderr.write('dateline: not built yet\n');
