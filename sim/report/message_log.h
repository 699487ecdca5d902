// SPDX-License-Identifier: Apache-2.0
#pragma once
// report.json `messages.log`: one compact JSON object per message, one per line, written
// straight from the ledger's records (a 10 000-message run writes it in milliseconds; building a
// JSON tree of it first took longer than the whole simulation's ledger work). docs/report.md
// lists the fields.

#include <ostream>
#include <string>
#include <vector>

#include "sim/ledger/ledger.h"

namespace sim::app {

/// One message as a single-line JSON object.
std::string message_json_line(const Ledger::Record& record);

/// The log's items, `pad` before each, separated by ",\n" (the caller writes the brackets).
void write_message_log(std::ostream& os, const std::vector<Ledger::Record>& records,
                       const std::string& pad);

} // namespace sim::app
