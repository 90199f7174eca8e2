// Deletes the named Azurite tables, and the tables whose names start with them (the due index's day tables), as
// eng/board-load.sh's end does. Usage: node tests/board/drop-tables.mjs <name>...
import { deleteTables } from "./app.mjs";

for (const name of process.argv.slice(2)) await deleteTables(name);
