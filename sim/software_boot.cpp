// SPDX-License-Identifier: Apache-2.0
#include "sim/software_boot.h"

#include "models/common/tlm_util.h"
#include "sim/platform_info.h"
#include "sim/remote_image.h"

namespace sim::app {

SoftwareBoot::SoftwareBoot(models::Platform& platform, const Scenario& sc,
                           models::ProbeSink& probes)
    : finished_(sc_core::sc_gen_unique_name("software_finished")) {
  for (const char* side : {"master", "remote"}) {
    models::Cluster& cluster = platform.cluster(side);
    cluster.set_probe_sink(&probes);
    const sw::PlatformInfo info = platform_info(sc.board, side, sc.seed);
    const bool master = std::string(side) == "master";
    for (const AppInstance& app : master ? sc.master_apps : sc.remote_apps) {
      if (app.awaited) ++awaited_, ++remaining_;
      AppInstance::Done done = [this, awaited = app.awaited] {
        if (awaited) app_done();
      };
      if (app.bare()) {
        auto main = app.main;
        cluster.boot(app.thread, [main, info, done](hal::Hal& hal) {
          main(hal, info);
          done();
        });
      } else if (app.make_linux_driver) {
        drivers_.push_back(app.make_linux_driver(done));
      } else {
        zephyr_apps_.push_back(app.make_zephyr_app(done));
      }
    }
  }

  if (!zephyr_apps_.empty()) {
    zephyr_booted_ = true;
    // The table is part of the image: in DRAM before anything runs.
    load_into_dram(platform, sc.remote.image.rsc_table, remote_table_bytes(sc.remote.image));
    std::vector<sw::zephyr::ZephyrApp*> apps;
    for (auto& a : zephyr_apps_) apps.push_back(a.get());
    const sw::PlatformInfo info = platform_info(sc.board, "remote", sc.seed);
    platform.cluster("remote").boot(
        {"main", 0, false, 0},
        [this, apps, info, &sc](hal::Hal& hal) {
          sw::zephyr::boot(hal, info, sc.remote.image, apps, zephyr_);
        },
        ps_to_sc(sc.remote.boot_at));
  }
  if (!drivers_.empty()) {
    linux_booted_ = true;
    std::vector<sw::lnx::RpmsgDriver*> drivers;
    for (auto& d : drivers_) drivers.push_back(d.get());
    const sw::PlatformInfo info = platform_info(sc.board, "master", sc.seed);
    const unsigned core = sc.master.kernel.core;
    platform.cluster("master").boot({"init", 0, false, core},
                                    [this, drivers, info, &sc](hal::Hal& hal) {
                                      sw::lnx::boot(hal, info, sc.master.kernel, drivers, linux_);
                                      linux_done_ = true;
                                      if (!linux_.attached) finished_.notify(sc_core::SC_ZERO_TIME);
                                    });
  }
}

void SoftwareBoot::app_done() {
  if (remaining_ > 0 && --remaining_ == 0) finished_.notify(sc_core::SC_ZERO_TIME);
}

} // namespace sim::app
