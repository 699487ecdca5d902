// SPDX-License-Identifier: Apache-2.0
#pragma once
// Starts each side's software for a run: bare application threads, and when a side has RPMsg
// applications its OS stack (the Linux kernel on the master, the Zephyr image on the remote) with
// those applications. Tracks completion: the run is finished when every application reported
// done, or as soon as Linux failed to attach (nothing else can happen then).

#include <deque>
#include <memory>
#include <vector>

#include <systemc>

#include "models/iss/firmware_cpu.h"
#include "models/platform/platform.h"
#include "sim/run/firmware_probe_port.h"
#include "sim/run/firmware_wire.h"
#include "sim/scenario/scenario.h"
#include "sw/linux/linux.h"
#include "sw/zephyr/zephyr.h"

namespace sim::app {

class SoftwareBoot {
public:
  SoftwareBoot(models::Platform& platform, const Scenario& scenario, models::ProbeSink& probes);
  SoftwareBoot(const SoftwareBoot&) = delete;
  SoftwareBoot& operator=(const SoftwareBoot&) = delete;

  /// Notified when the run is finished (see above).
  const sc_core::sc_event& finished() const { return finished_; }
  /// Every awaited application reported done.
  bool all_done() const { return remaining_ == 0; }
  /// Some application is awaited (with only servers, a run has nothing to finish on).
  bool awaits_any() const { return awaited_ > 0; }
  bool attach_failed() const { return linux_booted_ && linux_done_ && !linux_.attached; }
  const sw::lnx::LinuxStatus* linux_status() const { return linux_booted_ ? &linux_ : nullptr; }
  /// The Zephyr image's status; after a restart, the running (last) image's.
  const sw::zephyr::ZephyrStatus* zephyr_status() const {
    return zephyr_booted_ ? &zephyr_.back() : nullptr;
  }
  /// Every image's status, in boot order (more than one after a restart).
  const std::deque<sw::zephyr::ZephyrStatus>& zephyr_images() const { return zephyr_; }

  /// The remote's ISS core when it runs real firmware (remote.firmware), else nullptr.
  const models::iss::FirmwareCpu* firmware_cpu() const { return firmware_.get(); }
  const FirmwareWire* firmware_wire() const { return firmware_wire_.get(); }
  const FirmwareProbePort* firmware_probes() const { return firmware_probes_.get(); }

  /// When the remote was reset (the remote_restarts fault).
  const std::vector<Picoseconds>& restarted_at() const { return restarted_at_; }

private:
  void app_done();
  /// Creates the Zephyr applications afresh and starts the image on the remote at `at`.
  void boot_zephyr(models::Platform& platform, const Scenario& sc, sc_core::sc_time at);
  void schedule_restart(models::Platform& platform, const Scenario& sc);
  /// Loads the remote's ELF (its carve-out segments into DRAM, the rest into the ISS core's RAM)
  /// and starts the core at its entry point.
  void boot_firmware(models::Platform& platform, const Scenario& sc);

  unsigned awaited_ = 0;
  unsigned remaining_ = 0;
  sc_core::sc_event finished_;
  std::vector<std::unique_ptr<sw::lnx::RpmsgDriver>> drivers_;
  std::vector<std::unique_ptr<sw::zephyr::ZephyrApp>> zephyr_apps_;
  sw::lnx::LinuxStatus linux_;
  std::deque<sw::zephyr::ZephyrStatus> zephyr_; ///< one per image generation (stable addresses)
  bool linux_booted_ = false;
  bool linux_done_ = false;
  bool zephyr_booted_ = false;
  std::vector<std::unique_ptr<sw::zephyr::ZephyrApp>> retired_zephyr_apps_;
  std::vector<bool> remote_done_; ///< per remote application: its done already counted
  std::vector<Picoseconds> restarted_at_;
  std::unique_ptr<models::iss::FirmwareCpu> firmware_;
  std::unique_ptr<FirmwareWire> firmware_wire_;
  std::unique_ptr<FirmwareProbePort> firmware_probes_;
};

} // namespace sim::app
