// SPDX-License-Identifier: Apache-2.0
#pragma once
// Public header of the TCC807x v2 mailbox model (docs/models/mailbox.md):
//  - MailboxConfig: options, every inferred behaviour a knob with a documented default;
//  - MailboxLink: the pure C++ behaviour (two terminals, shared FIFOs, register tables, IRQs);
//  - TccMailbox: the SystemC shell (sockets `a`/`b`, pins irq_rx_a/irq_tx_a/irq_rx_b/irq_tx_b);
//  - mbox:: register offsets and bit fields.
// Users that must not see SystemC include mailbox_link.h and link ipcsim_mailbox_core only.

#include "models/mailbox/mailbox_config.h"
#include "models/mailbox/mailbox_link.h"
#include "models/mailbox/mailbox_regs.h"
#include "models/mailbox/mailbox_stats.h"
#include "models/mailbox/tcc_mailbox.h"
