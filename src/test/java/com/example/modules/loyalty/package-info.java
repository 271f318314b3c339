/** Broken example: a module that may depend on orders, which depends on it in turn. */
@ApplicationModule(allowedDependencies = "orders")
package com.example.modules.loyalty;

import org.springframework.modulith.ApplicationModule;
