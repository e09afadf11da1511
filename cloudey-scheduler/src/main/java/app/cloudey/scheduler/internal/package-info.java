/** Implementation of the scheduler; not part of the API. */
@NullMarked
package app.cloudey.scheduler.internal;

import org.jspecify.annotations.NullMarked;
