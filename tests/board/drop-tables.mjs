// Deletes the named Azurite tables (eng/board-load.sh's, when it ends). Usage: node tests/board/drop-tables.mjs <name>...
import { deleteTable } from "./app.mjs";

for (const name of process.argv.slice(2)) await deleteTable(name);
