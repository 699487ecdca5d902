// SPDX-License-Identifier: Apache-2.0
#pragma once
// Files the user names on the command line (--trace, --vcd, --junit, --csv, --plot): their folder
// is created, and the file must be writable, before anything runs.

#include <string>

namespace sim::app {

/// Creates `path`'s parent folders and checks the file can be written; throws
/// std::invalid_argument naming `option` otherwise.
void prepare_output_file(const std::string& path, const std::string& option);

} // namespace sim::app
