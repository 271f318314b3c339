/** Broken example: a module that may depend on nothing, yet uses loyalty. */
@ApplicationModule(allowedDependencies = {})
package com.example.modules.orders;

import org.springframework.modulith.ApplicationModule;
