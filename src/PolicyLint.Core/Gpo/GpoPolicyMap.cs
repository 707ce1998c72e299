using System.Text;
using PolicyLint.Catalog;
using PolicyLint.Model;

namespace PolicyLint.Gpo;

/// <summary>A check box of an ADMX policy that writes its own registry value (and so its own CSP node).</summary>
public sealed record GpoOptionDefinition(CspNode Node, IReadOnlyList<string> Labels);

/// <summary>
/// One Administrative Templates policy that sets WHfB nodes: its names in every language PolicyLint knows (reference
/// G.1 and J: en-US, de-DE, fr-FR, es-ES), what Enabled and Disabled write, and its check boxes / numeric box.
/// </summary>
public sealed record GpoPolicyDefinition(string AdmxName, IReadOnlyList<string> Names)
{
    /// <summary>The node the policy's state writes, or null for GPO-only policies PolicyLint knows but does not model.</summary>
    public CspNode? Node { get; init; }

    /// <summary>Value written when Enabled (null: the value comes from the policy's numeric box).</summary>
    public long? EnabledValue { get; init; }

    /// <summary>Value written when Disabled (null: Disabled deletes the value, i.e. the node is not configured).</summary>
    public long? DisabledValue { get; init; }

    /// <summary>The value is the policy's numeric box (PIN length, history, expiration).</summary>
    public bool ValueFromNumeric { get; init; }

    public IReadOnlyList<GpoOptionDefinition> CheckBoxes { get; init; } = [];

    /// <summary>Passport.admx policies live in the WHfB or PIN Complexity category; their names alone are too generic ("History").</summary>
    public bool RequiresWhfbCategory => AdmxName.StartsWith("MSPassport_", StringComparison.Ordinal) || AdmxName.StartsWith("WHFB_", StringComparison.Ordinal);
}

/// <summary>Matches GPMC report policy names and categories to WHfB nodes, whatever language the report was written in.</summary>
public static class GpoPolicyMap
{
    private static readonly GpoPolicyDefinition[] Definitions =
    [
        new("MSPassport_UsePassportForWork", ["Use Windows Hello for Business", "Windows Hello for Business verwenden", "Utiliser Windows Hello Entreprise", "Usa Windows Hello para empresas"])
        {
            Node = PassportForWorkCatalog.UsePassportForWork, EnabledValue = 1, DisabledValue = 0,
            CheckBoxes = [new(PassportForWorkCatalog.DisablePostLogonProvisioning, ["Do not start Windows Hello provisioning after sign-in", "Windows Hello-Bereitstellung nach der Anmeldung nicht starten", "Ne pas démarrer l'approvisionnement de Windows Hello après la connexion", "No iniciar el aprovisionamiento de Windows Hello después de iniciar sesión"])],
        },
        new("MSPassport_RequireSecurityDevice", ["Use a hardware security device", "Gerät mit sicherer Hardware verwenden", "Utiliser un périphérique de sécurité matériel", "Usar un dispositivo de seguridad de hardware"])
        {
            Node = PassportForWorkCatalog.RequireSecurityDevice, EnabledValue = 1, DisabledValue = 0,
            CheckBoxes = [new(PassportForWorkCatalog.ExcludeTpm12, ["TPM 1.2"])],
        },
        new("WHFB_UseCertificateForOnPremAuth", ["Use certificate for on-premises authentication", "Zertifikat für die lokale Authentifizierung verwenden", "Utiliser le certificat pour l'authentification locale", "Uso de un certificado para la autenticación local"])
        {
            Node = PassportForWorkCatalog.UseCertificateForOnPremAuth, EnabledValue = 1, DisabledValue = 0,
        },
        new("WHFB_UseCloudTrustForOnPremAuth", ["Use cloud trust for on-premises authentication", "Use cloud Kerberos trust for on-premises authentication", "Verwenden der Cloud-Vertrauensstellung für die lokale Authentifizierung", "Utiliser l'approbation cloud pour l'authentification locale"])
        {
            Node = PassportForWorkCatalog.UseCloudTrustForOnPremAuth, EnabledValue = 1, DisabledValue = 0,
        },
        new("MSPassport_UseBiometrics", ["Use biometrics", "Biometrie verwenden", "Utiliser la biométrie", "Usar biometría"])
        {
            Node = PassportForWorkCatalog.UseBiometrics, EnabledValue = 1, DisabledValue = 0,
        },
        new("MSPassport_EnablePinRecovery", ["Use PIN Recovery", "PIN-Wiederherstellung verwenden", "Utiliser la récupération du code PIN", "Recuperación PIN de uso"])
        {
            Node = PassportForWorkCatalog.EnablePinRecovery, EnabledValue = 1, DisabledValue = 0,
        },
        new("MSPassport_UseHelloCertificatesAsSmartCardCertificates", ["Use Windows Hello for Business certificates as smart card certificates", "Verwenden von Windows Hello for Business-Zertifikaten als Smartcardzertifikate", "Utiliser les certificats Windows Hello Entreprise comme certificats de carte à puce", "Usar certificados de Windows Hello para empresas como certificados de tarjeta inteligente"])
        {
            Node = PassportForWorkCatalog.UseHelloCertificatesAsSmartCardCertificates, EnabledValue = 1, DisabledValue = 0,
        },
        new("MSPassport_MinimumPINLength", ["Minimum PIN length", "Minimale PIN-Länge", "Longueur minimale du code PIN", "Longitud mínima del PIN"])
        {
            Node = PassportForWorkCatalog.MinimumPinLength, ValueFromNumeric = true,
        },
        new("MSPassport_MaximumPINLength", ["Maximum PIN length", "Maximale PIN-Länge", "Longueur maximale du code PIN", "Longitud máxima del PIN"])
        {
            Node = PassportForWorkCatalog.MaximumPinLength, ValueFromNumeric = true,
        },
        new("MSPassport_PINHistory", ["History", "PIN History", "Verlauf", "PIN-Verlauf", "Historique", "Historique du code PIN", "Historial", "Historial de PIN"])
        {
            Node = PassportForWorkCatalog.PinHistory, ValueFromNumeric = true,
        },
        new("MSPassport_PINExpiration", ["Expiration", "PIN Expiration", "Ablauf", "PIN-Ablauf", "Expiration du code PIN", "Expiración", "Expiración de PIN"])
        {
            Node = PassportForWorkCatalog.PinExpiration, ValueFromNumeric = true,
        },
        PinClass("MSPassport_UppercaseLetters", PassportForWorkCatalog.UppercaseLetters, "Require uppercase letters", "Großbuchstaben erforderlich", "Exiger des lettres majuscules", "Requerir mayúsculas"),
        PinClass("MSPassport_LowercaseLetters", PassportForWorkCatalog.LowercaseLetters, "Require lowercase letters", "Kleinbuchstaben erforderlich", "Exiger des lettres minuscules", "Requerir minúsculas"),
        PinClass("MSPassport_SpecialCharacters", PassportForWorkCatalog.SpecialCharacters, "Require special characters", "Sonderzeichen erforderlich", "Exiger des caractères spéciaux", "Requerir caracteres especiales"),
        PinClass("MSPassport_Digits", PassportForWorkCatalog.Digits, "Require digits", "Ziffern erforderlich", "Exiger des chiffres", "Requerir dígitos"),
        new("MSPassport_UseDynamicLock", ["Configure dynamic lock factors", "Dynamische Sperrungsfaktoren konfigurieren", "Configurer les facteurs de verrouillage dynamique", "Configurar factores de bloqueo dinámico"])
        {
            Node = PassportForWorkCatalog.DynamicLock, EnabledValue = 1, DisabledValue = 0,
        },
        new("FacialFeatures_EnhancedAntiSpoofing", ["Configure enhanced anti-spoofing"])
        {
            Node = PassportForWorkCatalog.FacialFeaturesUseEnhancedAntiSpoofing, EnabledValue = 1, DisabledValue = 0,
        },
        new("Kerberos_CloudKerberosTicketRetrievalEnabled", ["Allow retrieving the Azure AD Kerberos Ticket Granting Ticket during logon", "Allow retrieving the cloud Kerberos ticket during the logon"])
        {
            Node = PassportForWorkCatalog.CloudKerberosTicketRetrievalEnabled, EnabledValue = 1, DisabledValue = 0,
        },

        // Known policies whose values PolicyLint does not model (GPO-only, or text lists read from Registry.pol only).
        new("MSPassport_UseDeviceUnlock", ["Configure device unlock factors", "Faktoren für die Geräteentsperrung konfigurieren", "Configurer les facteurs de déverrouillage de l'appareil", "Configurar factores de desbloqueo de dispositivo"]),
        new("MSPassport_DisableSmartCardNode", ["Turn off smart card emulation", "Smartcardemulation deaktivieren", "Désactiver l'émulation de la carte à puce", "Desactivar la emulación de tarjeta inteligente"]),
        new("MSPassport_AllowAllUserAccessToSmartCardNode", ["Allow enumeration of emulated smart card for all users", "Auflisten emulierter Smartcards für alle Benutzer zulassen", "Autoriser l'énumération d'une carte à puce émulée pour tous les utilisateurs", "Permitir la enumeración de tarjeta inteligente emulado para todos los usuarios"]),
        new("MSPassport_EnableESSwithSupportedPeripherals", ["Enable ESS with Supported Peripherals"]),
    ];

    /// <summary>The WHfB and PIN Complexity categories in every language (reference J); policies in them must be recognised.</summary>
    private static readonly HashSet<string> WhfbCategories = new(
        new[]
        {
            "Windows Components/Windows Hello for Business", "Windows-Komponenten/Windows Hello for Business",
            "Composants Windows/Windows Hello Entreprise", "Componentes de Windows/Windows Hello para empresas",
            "System/PIN Complexity", "System/PIN-Komplexität", "Système/Complexité du code confidentiel", "Sistema/Complejidad de PIN",
        }.Select(Normalize),
        StringComparer.Ordinal);

    /// <summary>Registry values under the PassportForWork key that only Group Policy has (no CSP node), so not unknown.</summary>
    private static readonly HashSet<string> GpoOnlyValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "DisableSmartCardNode", "AllowAllUserAccessToSmartCardNode",
    };

    private static readonly Dictionary<string, GpoPolicyDefinition> ByName = BuildIndex();

    /// <summary>Every policy definition (for tests and documentation).</summary>
    public static IReadOnlyList<GpoPolicyDefinition> All => Definitions;

    /// <summary>The policy with this report name in any known language.</summary>
    public static GpoPolicyDefinition? Find(string policyName) => ByName.GetValueOrDefault(Normalize(policyName));

    public static bool IsWhfbCategory(string? category) => category is not null && WhfbCategories.Contains(Normalize(category));

    public static bool IsGpoOnlyValue(string key, string valueName) =>
        key.Trim('\\').Equals(@"SOFTWARE\Policies\Microsoft\PassportForWork", StringComparison.OrdinalIgnoreCase) && GpoOnlyValues.Contains(valueName);

    /// <summary>True for registry keys where WHfB policy lives: an unknown value there is worth a note.</summary>
    public static bool IsPassportForWorkKey(string key) =>
        key.Trim('\\').StartsWith(@"SOFTWARE\Policies\Microsoft\PassportForWork", StringComparison.OrdinalIgnoreCase);

    public static bool LabelMatches(IReadOnlyList<string> labels, string label)
    {
        var normalized = Normalize(label);
        return labels.Any(l => Normalize(l) == normalized);
    }

    /// <summary>Case, apostrophe (U+2019 vs '), non-breaking spaces, runs of spaces and a trailing colon do not matter.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text.Trim())
        {
            var c = raw switch
            {
                '\u2019' or '\u2018' => '\'',
                '\u00A0' or '\u202F' or '\t' or '\r' or '\n' => ' ',
                _ => raw,
            };
            if (c == ' ')
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().TrimEnd(':', ' ');
    }

    private static GpoPolicyDefinition PinClass(string admx, CspNode node, params string[] names) =>
        // Reference G.1: Enabled writes 1 (required), Disabled writes 2 (not allowed); the CSP uses the same numbers.
        new(admx, names) { Node = node, EnabledValue = 1, DisabledValue = 2 };

    private static Dictionary<string, GpoPolicyDefinition> BuildIndex()
    {
        var index = new Dictionary<string, GpoPolicyDefinition>(StringComparer.Ordinal);
        foreach (var definition in Definitions)
        {
            foreach (var name in definition.Names)
            {
                index.TryAdd(Normalize(name), definition);
            }
        }

        return index;
    }
}
