/**
 * Code that breaks the tenancy rules on purpose. ArchitectureTest checks its rules against it, to prove that they
 * catch a query without the tenant. It lives outside com.tierpilot, so the application never loads it.
 */
package com.example.violations;
