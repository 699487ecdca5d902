// SPDX-License-Identifier: Apache-2.0
#pragma once
// The keys of each side's software section, declared once (models/common/config/keys.h): the
// board's `software.master` / `software.remote` defaults and a scenario's `master:` / `remote:`
// sections, merged (software_config.h reads them; the schemas and docs come from here).

#include "models/common/config/keys.h"
#include "sw/hal/side.h"

namespace sim::app {

/// A side's section: its software options and its `apps` (app_registry.h).
const config::KeySet& section_keys(Side side);
/// The board's `software:` map: one section per side.
const config::KeySet& board_software_keys();
/// A board file: the board's keys, its `software:` map declared.
const config::KeySet& board_file_keys();
/// A scenario's merged document (scenario.h): the board's keys but `software`, which is merged
/// into the `master` and `remote` sections.
const config::KeySet& merged_document_keys();

const config::KeySet& linux_mailbox_keys();
const config::KeySet& openamp_keys();
const config::KeySet& logging_keys();
const config::KeySet& resource_table_keys();

} // namespace sim::app
