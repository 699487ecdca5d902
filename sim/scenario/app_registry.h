// SPDX-License-Identifier: Apache-2.0
#pragma once
// The applications a scenario can run on each side, by name, with their options parsed from the
// scenario's `apps:` list. A bare application is a thread started at boot; an RPMsg application
// is a Linux rpmsg driver or a Zephyr application, and its side then boots that OS's stack with
// it. Every application reports when it is done, which is how a run completes.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "models/common/config/config_node.h"
#include "models/common/config/keys.h"
#include "models/platform/board_config.h"
#include "sim/scenario/software_config.h"
#include "sw/hal/hal.h"
#include "sw/hal/side.h"
#include "sw/linux/linux.h"
#include "sw/platform_info.h"
#include "sw/zephyr/zephyr.h"

namespace sim::app {

struct AppInstance {
  using Done = std::function<void()>;
  std::string name;
  /// Bare application: a thread running `main`; it is done when `main` returns.
  hal::ThreadSpec thread;
  std::function<void(hal::Hal&, const sw::PlatformInfo&)> main;
  /// Linux rpmsg driver, created at boot; it calls `done` when finished.
  std::function<std::unique_ptr<sw::lnx::RpmsgDriver>(Done done)> make_linux_driver;
  /// Zephyr application, created at boot; it calls `done` when finished.
  std::function<std::unique_ptr<sw::zephyr::ZephyrApp>(Done done)> make_zephyr_app;

  /// Whether the run waits for this application. Servers (the Zephyr responders, which loop for
  /// a fixed count or forever) are not awaited: the run completes when the awaited ones are done.
  bool awaited = true;

  bool bare() const { return !make_linux_driver && !make_zephyr_app; }
};

/// What an application's options may depend on besides themselves.
struct AppContext {
  const models::BoardConfig& board;
  const MasterSoftware& master;
  const RemoteSoftware& remote;
};

/// Parses one `apps:` item (`- shared_flag_reader: {invalidate: false}`) for `side`.
AppInstance parse_app(const config::ConfigNode& item, Side side, const AppContext& context);

/// The applications a side can run with their options' declarations (the `apps:` list's items).
std::vector<std::pair<std::string, const config::KeySet*>> app_variants(Side side);

/// Names of the applications a side can run.
std::vector<std::string> app_names(Side side);

} // namespace sim::app
