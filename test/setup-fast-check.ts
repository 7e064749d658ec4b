// Property tests report a failure at once, with its seed, instead of shrinking a large counterexample for hours;
// and no property runs longer than a minute.
import fc from 'fast-check';

fc.configureGlobal({ endOnFailure: true, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true });
