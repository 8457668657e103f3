#pragma once

// The hidden --bench-startup option, for `./dev.sh bench` (tests/bench/gui_bench.cpp):
//   myodesk --db FILE --bench-startup
// starts as usual, answers every modal dialog with Cancel (the staff picker: nobody is at the
// desk), and once the client list has painted its first rows prints
//   myodesk-bench-startup first_rows ms=M since_main_ms=N rows=R rows_fetched=F pages_fetched=P
// (ms: since the process started, from /proc/self/stat; since_main_ms: since main() began),
// then scrolls the list to its last row, and once that row is painted prints
//   myodesk-bench-startup scrolled ms=M since_main_ms=N rows=R rows_fetched=F pages_fetched=P
// and quits. rows_fetched is what ClientListModel read from the database: a list that does
// not load the table has read a page or two, not every row.

namespace myodesk::app {

class ClientListCtrl;
class ClientListModel;

// Called by main() for --bench-startup, before wxWidgets starts.
void EnableStartupBenchmark();
bool StartupBenchmarkEnabled();

// Called by ClientListCtrl when the benchmark is on: watches the list (on idle) and does the
// above.
void WatchClientListStartup(ClientListCtrl& list, ClientListModel& model);

}  // namespace myodesk::app
