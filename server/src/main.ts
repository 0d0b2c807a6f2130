/** Entry point of `dateline-language-server`. */
process.stderr.write('dateline-language-server: not built yet\n');
