// SPDX-License-Identifier: Apache-2.0
// boot(): the kernel's probe order for the RPMsg path (tcc807x-port.md "Linux attach flow").
#include "sw/linux/linux.h"

#include <memory>
#include <vector>

#include "sw/linux/printk.h"
#include "sw/linux/tcc_mbox_controller.h"
#include "sw/linux/tcc_rproc.h"

namespace sim::sw::lnx {
namespace {

/// Everything the kernel allocates at boot. It lives as long as the simulated kernel, i.e.
/// until the process ends: interrupt handlers, threads and work items hold references into it.
struct Kernel {
  Kernel(hal::Hal& hal, const PlatformInfo& info, const LinuxOptions& options,
         const std::vector<RpmsgDriver*>& drivers, LinuxStatus& status)
      : printk(hal, options.console, options.console_loglevel, options.printk_store_cycles),
        mbox(hal, info, options, printk, status),
        rproc(hal, info, options, printk, status, drivers, mbox) {}

  Printk printk;
  TccMboxController mbox;
  TccRproc rproc;
};

std::vector<std::unique_ptr<Kernel>>& kernels() {
  static std::vector<std::unique_ptr<Kernel>> k;
  return k;
}

} // namespace

void boot(hal::Hal& hal, const PlatformInfo& info, const LinuxOptions& options,
          const std::vector<RpmsgDriver*>& drivers, LinuxStatus& status) {
  hal.probe(hal::signal_event(hal::ProbeKind::kBoot));
  status = LinuxStatus{};
  kernels().push_back(std::make_unique<Kernel>(hal, info, options, drivers, status));
  Kernel& k = *kernels().back();
  // Device probe order: the mailbox controller (its interrupts), then the remoteproc driver,
  // which requests the channel and attaches.
  k.mbox.probe();
  k.rproc.probe();
}

} // namespace sim::sw::lnx
